import { Component, type ReactNode } from 'react';
import { toAdapterError } from '../adapter/errors.js';
import { useAccountSettings } from '../provider/context.js';
import { Notice } from './Notice.js';

export interface ScreenErrorBoundaryProps {
  /** The screen, for `onError`'s context, e.g. `UpgradeWizard`. */
  screen: string;
  /** Wraps the message, e.g. in the screen's own root element, so the host's layout holds. */
  renderFallback?: (message: ReactNode) => ReactNode;
  children: ReactNode;
}

/**
 * Catches a screen that fails to render (a host's render prop that throws, an adapter answer
 * the screen cannot draw) and shows a localised message with "Try again" in its place, instead
 * of unmounting the host's page. The error reaches the provider's `onError` as an `unknown`
 * `AdapterError` with `{ operation: 'render', screen }`.
 *
 * @example
 * <ScreenErrorBoundary screen="UpgradeWizard"><UpgradeWizardScreen /></ScreenErrorBoundary>
 */
export function ScreenErrorBoundary({ screen, renderFallback, children }: ScreenErrorBoundaryProps) {
  const { reportError } = useAccountSettings();
  return (
    <Boundary
      onError={(error) => reportError(toAdapterError(error), { operation: 'render', screen })}
      renderFallback={(retry) => {
        const message = <ScreenError onRetry={retry} />;
        return renderFallback ? renderFallback(message) : message;
      }}
    >
      {children}
    </Boundary>
  );
}

function ScreenError({ onRetry }: { onRetry: () => void }) {
  const { t } = useAccountSettings();
  return (
    <Notice tone="danger" live="alert" title={t('errors.screenFailedTitle')} onRetry={onRetry}>
      {t('errors.screenFailed')}
    </Notice>
  );
}

interface BoundaryProps {
  onError: (error: unknown) => void;
  renderFallback: (retry: () => void) => ReactNode;
  children: ReactNode;
}

// React catches render errors only in class components.
class Boundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onError(error);
  }

  private readonly retry = () => this.setState({ failed: false });

  override render(): ReactNode {
    return this.state.failed ? this.props.renderFallback(this.retry) : this.props.children;
  }
}
