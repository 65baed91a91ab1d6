import re,sys
def isC(c): return '\u1780'<=c<='\u17a2'
def isIndepV(c): return '\u17a3'<=c<='\u17b3'
def isDepV(c): return '\u17b6'<=c<='\u17c5'
def isSign(c): return ('\u17c6'<=c<='\u17d1') or c in '\u17d3\u17dd'
def isMark(c): return isDepV(c) or isSign(c) or c=='\u17d2' or c in '\u17b4\u17b5\u200c\u200d'
def isDigit(c): return '\u17e0'<=c<='\u17e9' or '0'<=c<='9'
def isKhLetter(c): return '\u1780'<=c<='\u17d3' or c=='\u17dd'
PUNCT=set('។៕៖ៗ៘៙៚')
def bare_final(p):
    # consonant cluster with no vowel: C (coeng C)* optional signs ់ ៍ ៌ ៏ ័?
    if not p or not isC(p[0]): return False
    i=1
    while i<len(p):
        if p[i]=='\u17d2' and i+1<len(p) and isC(p[i+1]): i+=2; continue
        if p[i] in '\u17cb\u17cd\u17cc\u17ce\u17c9\u17ca': i+=1; continue
        return False
    return True
def has_vowel(p):
    return any(isDepV(c) for c in p)
def post(parts,opts):
    # split on letter/digit and punctuation transitions
    out=[]
    for p in parts:
        if 'split' in opts:
            cur=''
            for c in p:
                k = 'd' if isDigit(c) else ('p' if c in PUNCT else 'l')
                if cur and (k!=kind or k=='p'):
                    out.append(cur); cur=''
                cur+=c; kind=k
            if cur: out.append(cur)
        else: out.append(p)
    parts=out; out=[]
    for p in parts:
        if out:
            a=out[-1]
            m=False
            if 'ortho' in opts:
                if a.endswith('\u17d2') or isMark(p[0]): m=True
            if 'final' in opts and not m:
                if bare_final(p) and isKhLetter(a[-1]) and (isDepV(a[-1]) or a[-1] in '\u17c6\u17c7') and not (len(p)==1 and 'finalbantoc' in opts):
                    m=True
            if 'bantoc' in opts and not m:
                if bare_final(p) and ('\u17cb' in p) and isKhLetter(a[-1]): m=True
            if 'digits' in opts and not m:
                if isDigit(a[-1]) and isDigit(p[0]): m=True
            if m: out[-1]=a+p; continue
        out.append(p)
    return out
if __name__=='__main__':
    opts=set(sys.argv[2].split(','))
    lines=open(sys.argv[1]).read().split('\n')
    print('\n'.join('|'.join(post([x for x in l.split('|') if x],opts)) for l in lines))
