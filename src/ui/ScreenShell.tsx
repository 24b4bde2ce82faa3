import { forwardRef, type CSSProperties, type ReactNode } from 'react';
import { joinClassNames } from '../lib/dom-props.js';
import { HeadingLevelProvider } from './Heading.js';
import { ScreenErrorBoundary } from './ScreenErrorBoundary.js';

export interface ScreenShellProps {
  /** The screen, for `onError`'s context when it fails to render, e.g. `BillingOverview`. */
  screen: string;
  /** Heading level of the screen's title; the screen's own headings count from it. */
  headingLevel: 2 | 3;
  /** The screen root's class, e.g. `abk-billing-overview`: the fallback wears it too. */
  rootClassName: string;
  /** The host's `id`, `style` and `className` of the screen root, kept by the fallback. */
  id?: string | undefined;
  style?: CSSProperties | undefined;
  className?: string | undefined;
  /** What stays above the failure message, usually the screen's title. */
  header: ReactNode;
  /** The screen itself, which renders its own root with the same ref. */
  children: ReactNode;
}

/**
 * What every screen sits in: its heading level, and an error boundary whose fallback keeps the
 * screen's root (class, `id`, `style`, ref, `data-state="error"`) and title, so a screen that
 * fails to render leaves the host's layout as it was and says so in its place.
 *
 * @example
 * <ScreenShell ref={ref} screen="BillingOverview" headingLevel={2} rootClassName="abk-billing-overview"
 *   id={id} style={style} className={className} header={<OverviewHeader />}>
 *   <BillingOverviewScreen ref={ref} {...rootProps} />
 * </ScreenShell>
 */
export const ScreenShell = forwardRef<HTMLDivElement, ScreenShellProps>(function ScreenShell(
  { screen, headingLevel, rootClassName, id, style, className, header, children },
  ref,
) {
  return (
    <HeadingLevelProvider level={headingLevel}>
      <ScreenErrorBoundary
        screen={screen}
        renderFallback={(message) => (
          <div
            ref={ref}
            id={id}
            style={style}
            className={joinClassNames(rootClassName, className)}
            data-state="error"
          >
            {header}
            {message}
          </div>
        )}
      >
        {children}
      </ScreenErrorBoundary>
    </HeadingLevelProvider>
  );
});
