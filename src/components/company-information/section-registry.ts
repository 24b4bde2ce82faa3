import { createContext, useContext, useEffect, useRef } from 'react';
import type { ContactsSection } from '../../schemas/contacts.js';

/** What the screen may ask of each of its sections: "Save all" and "Discard all". */
export interface SectionActions {
  /** Saves the section's edits; resolves once the save is over, however it ended. */
  save: () => Promise<void>;
  discard: () => void;
}

/** The sections of one `CompanyInformation`, by name. */
export interface SectionRegistry {
  register: (section: ContactsSection, actions: SectionActions) => () => void;
}

export const SectionRegistryContext = createContext<SectionRegistry | null>(null);

/**
 * Makes a section's save and discard reachable from the screen around it, if there is one.
 * The latest functions are always called, so the screen never holds a stale closure.
 */
export function useRegisterSection(section: ContactsSection, actions: SectionActions): void {
  const registry = useContext(SectionRegistryContext);
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    if (!registry) return;
    return registry.register(section, {
      save: () => latest.current.save(),
      discard: () => latest.current.discard(),
    });
  }, [registry, section]);
}
