#include <stdio.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>
int main(){ char line[100000]; UErrorCode e=U_ZERO_ERROR; UBreakIterator*b=ubrk_open(UBRK_WORD,"km",NULL,0,&e);
 while(fgets(line,sizeof line,stdin)){ size_t n=strlen(line); if(n&&line[n-1]=='\n') line[--n]=0;
  UChar u[100000]; int32_t ul; e=U_ZERO_ERROR; u_strFromUTF8(u,100000,&ul,line,n,&e);
  ubrk_setText(b,u,ul,&e); int32_t s=ubrk_first(b); int first=1;
  for(int32_t p=ubrk_next(b);p!=UBRK_DONE;s=p,p=ubrk_next(b)){ char o[10000]; int32_t ol; e=U_ZERO_ERROR; u_strToUTF8(o,10000,&ol,u+s,p-s,&e); o[ol]=0; if(!first) putchar('|'); fputs(o,stdout); first=0;}
  putchar('\n'); }
}
