"""Trains Verbale's Khmer word-boundary model (Sources/VerbaleCore/Resources/khmer-word-boundaries.tsv).

Training text: Khmer gettext catalogues whose translators put U+200B between words
(Debian: /usr/share/locale/km/LC_MESSAGES/*.mo, GPL/LGPL; LibreOffice's Khmer language
pack, `apt-get download libreoffice-l10n-km && dpkg -x libreoffice-l10n-km_*.deb lo`,
MPL 2.0). The khPOS sample is never read here: it is only for measuring.

Usage (needs scikit-learn, libicu-dev and a C compiler):
    cc -O2 seg.c -o seg -licuuc
    python3 train.py OUT.tsv /usr/share/locale/km/LC_MESSAGES lo/usr/lib/libreoffice/program/resource/km/LC_MESSAGES
"""
import glob, os, re, subprocess, sys
os.environ['WORDS'] = '1'
from kcc import mo
from clf import dataset
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

out, folders = sys.argv[1], sys.argv[2:]
chunks = []
for folder in folders:
    for path in sorted(glob.glob(os.path.join(folder, '*.mo'))):
        for message in mo(path):
            for run in re.findall(r'[\u1780-\u17D3\u17DD\u17E0-\u17E9\u200b]+', message):
                words = [w for w in run.split('\u200b') if w]
                if len(words) >= 2:
                    chunks.append(words)
raw = [''.join(w) for w in chunks]
here = os.path.dirname(os.path.abspath(__file__))
icu = subprocess.run([os.path.join(here, 'seg')], input='\n'.join(raw) + '\n', capture_output=True, text=True, check=True).stdout.split('\n')[:len(raw)]
golds = []
for words in chunks:
    cuts, p = set(), 0
    for w in words[:-1]:
        p += len(w); cuts.add(p)
    golds.append(cuts)
X, Y, _ = dataset(raw, icu, golds)
print(f'{len(chunks)} segmented runs, {len(X)} positions, {sum(Y)} boundaries')
vectorizer = DictVectorizer()
model = LogisticRegression(C=1.0, max_iter=3000).fit(vectorizer.fit_transform(X), Y)
with open(out, 'w') as f:
    f.write(f'__intercept__\t{model.intercept_[0]:.4f}\n')
    kept = {n: w for n, w in zip(vectorizer.get_feature_names_out(), model.coef_[0]) if abs(w) >= 0.1}
    for name, weight in sorted(kept.items()):
        f.write(f'{name}\t{weight:.4f}\n')
print(f'{len(kept)} features written to {out}')
