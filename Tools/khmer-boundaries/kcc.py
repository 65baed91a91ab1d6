import re,struct,glob,collections
from post import post, isDepV, isSign
def ismark(c): return isDepV(c) or isSign(c) or c in '\u17d2\u17b4\u17b5\u200c\u200d'
def clusters(s):
    out=[];i=0
    while i<len(s):
        j=i+1
        while j<len(s) and (ismark(s[j]) or (s[j-1]=='\u17d2' and '\u1780'<=s[j]<='\u17a2')): j+=1
        out.append(s[i:j]); i=j
    return out
def mo(path):
    d=open(path,'rb').read()
    magic=struct.unpack('<I',d[:4])[0]; e='<' if magic==0x950412de else '>'
    n,oo,to=struct.unpack(e+'III',d[8:20]); out=[]
    for i in range(n):
        l,o=struct.unpack(e+'II',d[to+8*i:to+8*i+8]); out.append(d[o:o+l].decode('utf-8','replace'))
    return out
