import { forwardRef, type ButtonHTMLAttributes } from 'react';
import './button.css';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';
/** medium: the main screens; roomy: the guided flows (taller, and long words may wrap); large: a break's main choices. */
export type ButtonSize = 'medium' | 'roomy' | 'large';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

/** The button look for a link that acts as a button (an <a> that moves to another screen). */
export function buttonClass(
  variant: ButtonVariant = 'secondary',
  size: ButtonSize = 'medium',
  className?: string,
): string {
  return ['button', `button-${variant}`, size === 'medium' ? null : `button-${size}`, className]
    .filter(Boolean)
    .join(' ');
}

/**
 * The one button of the app: every screen and guided flow draws its buttons with it. All the
 * button's own props (type, disabled, aria-*, handlers) pass through, and refs reach the element.
 * `type` defaults to "button": a Button submits a form only when asked to (type="submit").
 */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', size = 'medium', className, type = 'button', ...props },
  ref,
) {
  return <button ref={ref} type={type} className={buttonClass(variant, size, className)} {...props} />;
});
