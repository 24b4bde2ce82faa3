/** Lower-case, accent-free form of a single character, so "ł" matches "l" and "ß" matches "ss". */
function foldCharacter(character: string): string {
  if (character === 'ł' || character === 'Ł') return 'l';
  if (character === 'ß') return 'ss';
  return character
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Folds text for matching: accents removed, lower case. "Wójcik" → "wojcik". The same result as
 * folding each character with `foldCharacter`, in one pass over the whole string.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

/** The search terms of a query: folded, split on whitespace. */
export function searchTerms(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/** Whether every term occurs in the text (accent- and case-insensitive). */
export function matchesAllTerms(text: string, terms: string[]): boolean {
  const folded = foldText(text);
  return terms.every((term) => folded.includes(term));
}

/** A run of text, marked when it matched a search term. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/**
 * Splits `text` into matched and unmatched runs for highlighting, matching accent-insensitively
 * while returning the original characters ("wojc" marks "Wójc" in "Zofia Wójcik").
 */
export function highlightMatches(text: string, terms: string[]): TextSegment[] {
  if (terms.length === 0) return [{ text, match: false }];
  const characters = Array.from(text);
  let folded = '';
  const owner: number[] = [];
  characters.forEach((character, index) => {
    const piece = foldCharacter(character);
    folded += piece;
    for (let i = 0; i < piece.length; i += 1) owner.push(index);
  });
  const marked = new Array<boolean>(characters.length).fill(false);
  for (const term of terms) {
    let from = folded.indexOf(term);
    while (from !== -1) {
      for (let i = from; i < from + term.length; i += 1) marked[owner[i] ?? 0] = true;
      from = folded.indexOf(term, from + term.length);
    }
  }
  const segments: TextSegment[] = [];
  characters.forEach((character, index) => {
    const match = marked[index] ?? false;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += character;
    else segments.push({ text: character, match });
  });
  return segments;
}

/** Up to two initials for an avatar: "Zofia Wójcik" → "ZW". */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word));
  const first = firstLetter(words[0] ?? '');
  const last = words.length > 1 ? firstLetter(words[words.length - 1] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

const graphemes =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/**
 * The word's first letter as the reader sees it, with its accents: an emoji or a symbol before
 * it is skipped, and a surrogate pair is never split.
 */
function firstLetter(word: string): string {
  const characters = graphemes
    ? Array.from(graphemes.segment(word), (part) => part.segment)
    : Array.from(word);
  return characters.find((character) => /\p{L}/u.test(character)) ?? '';
}
