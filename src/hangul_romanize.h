/*
 * hangul_romanize.h
 *		What hangul_romanize.c (romanize) and hangul_lexicon.c (the word list
 *		it consults) share.
 */
#ifndef HANGUL_ROMANIZE_H
#define HANGUL_ROMANIZE_H

#include "postgres.h"

#include "hangul.h"

/*
 * How a word of the list is pronounced at one syllable boundary, where the
 * spelling alone does not tell (표준 발음법, the standard pronunciation of
 * the 1988 Korean language regulations, which Article 1 of the romanisation
 * standard follows):
 *   N	the next syllable's silent ㅇ is pronounced ㄴ (ㄴ insertion,
 *		Article 29; 사이시옷 before 이, Article 30.3): 학여울 [항녀울];
 *	NN	ㄴ + ㄹ is pronounced ㄴㄴ (Article 20, proviso): 동원령 [동ː원녕];
 *	LL	ㄴ + ㄹ is pronounced ㄹㄹ (Article 20): 난로 [날ː로].
 */
typedef enum RomanizeLex
{
	ROMANIZE_LEX_NONE = 0,
	ROMANIZE_LEX_N,
	ROMANIZE_LEX_NN,
	ROMANIZE_LEX_LL
} RomanizeLex;

/*
 * For the word of syllables u[0..n-1], set lex[i] to what the word list says
 * about the boundary before syllable i (ROMANIZE_LEX_NONE where it says
 * nothing); matchlen is scratch space of n bytes.  Where entries overlap,
 * the longest one decides.
 */
extern void romanize_lexicon(const HangulUnit *u, int n, int8 *lex, uint8 *matchlen);

#endif							/* HANGUL_ROMANIZE_H */
