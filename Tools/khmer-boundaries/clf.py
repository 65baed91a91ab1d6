import os
WORDS=os.environ.get('WORDS')=='1'
import sys,re
from kcc import clusters
from post import post
OPTS={'split','ortho','digits','bantoc','final'}
def positions(raw, icu_parts):
    # returns clusters and for each inter-cluster boundary (index k between cl[k-1], cl[k]) the ICU flag
    cl=clusters(raw)
    parts=post([x for x in icu_parts if x],OPTS)
    b=set(); p=0
    for x in parts[:-1]: p+=len(x); b.add(p)
    offs=[];p=0
    for c in cl: offs.append(p); p+=len(c)
    spans=[];p=0
    for x in parts: spans.append((p,p+len(x))); p+=len(x)
    return cl,offs,b,spans,raw
def ctype(c):
    ch=c[0]
    if '\u17e0'<=ch<='\u17e9' or ch.isdigit(): return 'D'
    if '\u1780'<=ch<='\u17a2':
        if len(c)==1: return 'C'
        if '\u17d2' in c and all(not('\u17b6'<=x<='\u17c5') for x in c): return 'CS'
        return 'V'
    if '\u17a3'<=ch<='\u17b3': return 'I'
    return 'P'
def wordfeats(f,raw,spans,o,icu):
    for (a,e) in spans:
        if icu and e==o: f['lw='+raw[a:e]]=1
        if icu and a==o: f['rw='+raw[a:e]]=1
        if not icu and a<o<e:
            f['pre='+raw[a:o]]=1; f['suf='+raw[o:e]]=1
def feats(cl,k,icu):
    g=lambda i: cl[i] if 0<=i<len(cl) else '#'
    t=lambda i: ctype(cl[i]) if 0<=i<len(cl) else '#'
    f={'icu':int(icu),'b':1,
       'l1='+g(k-1):1,'r1='+g(k):1,'l2='+g(k-2)+'|'+g(k-1):1,'r2='+g(k)+'|'+g(k+1):1,
       'lr='+g(k-1)+'|'+g(k):1,'lrr='+g(k-1)+'|'+g(k)+'|'+g(k+1):1,'llr='+g(k-2)+'|'+g(k-1)+'|'+g(k):1,
       't='+t(k-2)+t(k-1)+'|'+t(k)+t(k+1):1,
       'icu_lr='+str(int(icu))+g(k-1)+'|'+g(k):1,
       'icu_t='+str(int(icu))+t(k-1)+'|'+t(k):1}
    return f
def dataset(raws, icus, golds=None):
    X=[];Y=[];meta=[]
    for n,(raw,ic) in enumerate(zip(raws,icus)):
        cl,offs,b,spans,r=positions(raw,ic.split('|'))
        for k in range(1,len(cl)):
            f=feats(cl,k,offs[k] in b)
            if WORDS: wordfeats(f,r,spans,offs[k],offs[k] in b)
            X.append(f); meta.append((n,offs[k]))
            if golds is not None: Y.append(offs[k] in golds[n])
    return X,Y,meta
