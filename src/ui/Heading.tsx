import { createContext, forwardRef, useContext, type HTMLAttributes, type ReactNode } from 'react';

/** A heading level the host page's outline continues from. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

const HeadingLevelContext = createContext<HeadingLevel>(2);

/**
 * Sets the level of the `Heading`s inside it, so a screen fits the host page's outline
 * (`headingLevel` on every drop-in component ends up here).
 *
 * @example
 * <HeadingLevelProvider level={3}><Heading>Billing contacts</Heading></HeadingLevelProvider>
 */
export function HeadingLevelProvider({ level, children }: { level: HeadingLevel; children: ReactNode }) {
  return <HeadingLevelContext.Provider value={level}>{children}</HeadingLevelContext.Provider>;
}

/** The level a `Heading` rendered here would have. */
export function useHeadingLevel(): HeadingLevel {
  return useContext(HeadingLevelContext);
}

/**
 * Everything inside is one level deeper: a section's title is `h3`, its parts' titles `h4`.
 *
 * @example
 * <Heading>Review order</Heading>
 * <SubheadingScope><Heading>Sales Hub Professional</Heading></SubheadingScope>
 */
export function SubheadingScope({ children }: { children: ReactNode }) {
  const level = useHeadingLevel();
  return (
    <HeadingLevelContext.Provider value={Math.min(level + 1, 6) as HeadingLevel}>
      {children}
    </HeadingLevelContext.Provider>
  );
}

/**
 * `h1`–`h6` at the level of the nearest `HeadingLevelProvider` / `SubheadingScope`.
 *
 * @example
 * <Heading className="abk-section__title">{t('billingContacts.title')}</Heading>
 */
export const Heading = forwardRef<HTMLHeadingElement, HTMLAttributes<HTMLHeadingElement>>(
  function Heading(props, ref) {
    const Tag = `h${useHeadingLevel()}` as const;
    return <Tag ref={ref} {...props} />;
  },
);
