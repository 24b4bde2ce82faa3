import { enBase } from '../locales/en.js';
import type { Messages } from './messages.js';

/**
 * English as far as the page has loaded it: the provider's strings (`enBase`), and each screen's
 * own once the screen's module is loaded (`addEnglish`). The default catalog and the fallback for
 * keys a host catalog lacks. Typed as the whole catalog: a screen's keys are only looked up by
 * that screen, after its module has added them.
 */
export const english = { ...enBase } as Messages;

/**
 * Adds a screen's English strings; called at the top of the screen's module, so they load with
 * the screen and a page without it never carries them.
 */
export function addEnglish(sections: Partial<Messages>): void {
  Object.assign(english, sections);
}
