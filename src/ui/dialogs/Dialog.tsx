/**
 * A modal dialog on the native <dialog> element: the browser puts it in the top layer, keeps
 * focus inside and closes it on Escape. Focus moves to the first control on open and back to
 * whatever had it (usually the header button) on close.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  readonly title: string;
  /** One line under the title. */
  readonly subtitle?: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly footer?: ReactNode;
  readonly size?: 'medium' | 'wide';
  readonly testId?: string;
}

export function Dialog({ title, subtitle, onClose, children, footer, size = 'medium', testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const subtitleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Escape (the native cancel) closes the element itself; tell the owner so its state follows.
    const closed = () => onCloseRef.current();
    dialog.addEventListener('close', closed);
    return () => {
      dialog.removeEventListener('close', closed);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={subtitle ? subtitleId : undefined}
      className={`dialog dialog--${size}`}
      data-testid={testId}
    >
      <header className="dialog__header">
        <div>
          <h2 id={titleId}>{title}</h2>
          {subtitle && (
            <p id={subtitleId} className="dialog__subtitle">
              {subtitle}
            </p>
          )}
        </div>
        <button type="button" className="dialog__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog__body">{children}</div>
      {footer && <footer className="dialog__footer">{footer}</footer>}
    </dialog>
  );
}
