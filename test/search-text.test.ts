import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, highlightMatches, initialsOf } from '../src/lib/search-text';

describe('search text', () => {
  it('folds accents, Polish ł and German ß the way users type them', () => {
    expect(foldText('Zofia Wójcik, Łukasz, Jürgen Groß, Päivi')).toBe(
      'zofia wojcik, lukasz, jurgen gross, paivi',
    );
  });

  it('highlights the same text that folding matches (property)', () => {
    const letters = fc.constantFrom(...Array.from('aäåbcćdeéfghiíjklłmnńoóöpqrsśßtuüvwxyzźż '));
    fc.assert(
      fc.property(
        fc.array(letters, { minLength: 1, maxLength: 20 }).map((chars) => chars.join('')),
        (text) => {
          const term = foldText(text).trim().split(/\s+/)[0] ?? '';
          if (!term) return;
          const marked = highlightMatches(text, [term])
            .filter((segment) => segment.match)
            .map((segment) => foldText(segment.text))
            .join('');
          expect(marked).toContain(term);
        },
      ),
    );
  });

  it('takes initials from the first and last word', () => {
    expect(initialsOf('Agnieszka Dąbrowska')).toBe('AD');
    expect(initialsOf('Matteo')).toBe('M');
  });
});
