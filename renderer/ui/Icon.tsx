import type { ReactNode } from 'react';
import './icon.css';

const PATHS = {
  play: <path d="M8 5.5v13l10.5-6.5z" />,
  pause: (
    <>
      <path d="M9 5.5v13" />
      <path d="M15 5.5v13" />
    </>
  ),
  clock: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5V12l3 2" />
    </>
  ),
  snooze: (
    <>
      <path d="M20 14.5A8.5 8.5 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z" />
    </>
  ),
  skip: (
    <>
      <path d="M6 6l7 6-7 6z" />
      <path d="M17 6v12" />
    </>
  ),
  check: <path d="M5 12.5l4.5 4.5L19 7.5" />,
  hourglass: (
    <>
      <path d="M7 4.5h10M7 19.5h10" />
      <path d="M8 4.5c0 4 8 4.5 8 7.5s-8 3.5-8 7.5M16 4.5c0 4-8 4.5-8 7.5s8 3.5 8 7.5" />
    </>
  ),
  close: (
    <>
      <path d="M6.5 6.5l11 11" />
      <path d="M17.5 6.5l-11 11" />
    </>
  ),
  alert: (
    <>
      <path d="M12 4l9 15.5H3z" />
      <path d="M12 10v4" />
      <path d="M12 17h.01" />
    </>
  ),
  chevronDown: <path d="M6.5 9.5l5.5 5.5 5.5-5.5" />,
  chevronRight: <path d="M9.5 6.5l5.5 5.5-5.5 5.5" />,
  chart: (
    <>
      <path d="M4 19.5h16" />
      <path d="M7 16v-4" />
      <path d="M12 16V8" />
      <path d="M17 16v-6" />
    </>
  ),
  restore: (
    <>
      <path d="M4.5 12a7.5 7.5 0 1 0 2.2-5.3" />
      <path d="M4.5 4.5v3.8h3.8" />
      <path d="M12 8.5V12l2.5 1.5" />
    </>
  ),
  walk: (
    <>
      <circle cx="13" cy="4.5" r="1.8" />
      <path d="M10 21l2.5-6 2.5 2.5V21" />
      <path d="M12.5 15l.8-5.5L17 12l2.5 1" />
      <path d="M13.3 9.5L9.5 10.5 8 14" />
    </>
  ),
  back: (
    <>
      <rect x="9" y="2.5" width="6" height="3.6" rx="1.4" />
      <rect x="9.8" y="7.6" width="6" height="3.6" rx="1.4" />
      <rect x="9.8" y="12.7" width="6" height="3.6" rx="1.4" />
      <rect x="9" y="17.8" width="6" height="3.6" rx="1.4" />
    </>
  ),
  sun: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2.5v2M12 19.5v2M2.5 12h2M19.5 12h2M5.3 5.3l1.4 1.4M17.3 17.3l1.4 1.4M5.3 18.7l1.4-1.4M17.3 6.7l1.4-1.4" />
    </>
  ),
  moon: <path d="M19.5 14.5A8 8 0 1 1 9.5 4.5a6.5 6.5 0 0 0 10 10z" />,
  monitor: (
    <>
      <rect x="3" y="4.5" width="18" height="12" rx="2" />
      <path d="M9 20.5h6M12 16.5v4" />
    </>
  ),
  settings: (
    <>
      <path d="M4 7h10M18 7h2M4 17h4M12 17h8" />
      <circle cx="16" cy="7" r="2" />
      <circle cx="10" cy="17" r="2" />
    </>
  ),
  today: (
    <>
      <rect x="3.5" y="5" width="17" height="15" rx="2.5" />
      <path d="M3.5 10h17M8 3v4M16 3v4" />
    </>
  ),
  smile: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M8.5 14c1 1.5 2.2 2.2 3.5 2.2s2.5-.7 3.5-2.2M9 9.5h.01M15 9.5h.01" />
    </>
  ),
  meh: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M8.5 15h7M9 9.5h.01M15 9.5h.01" />
    </>
  ),
  frown: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M8.5 16.2c1-1.5 2.2-2.2 3.5-2.2s2.5.7 3.5 2.2M9 9.5h.01M15 9.5h.01" />
    </>
  ),
} satisfies Record<string, ReactNode>;

export type IconName = keyof typeof PATHS;

/** Decorative line icons: hidden from assistive technology, the text next to them speaks. */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}

/** The Movesnack mark: a gentle curve, like a spine in easy motion, inside a soft square. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo" viewBox="0 0 32 32" width={size} height={size} aria-hidden="true" focusable="false">
      <rect className="logo-bg" x="1" y="1" width="30" height="30" rx="9" />
      <path className="logo-line" d="M12 7c5 3 5 6 1 9s-4 6 2 9" fill="none" strokeWidth="2.6" strokeLinecap="round" />
      <circle className="logo-dot" cx="20.5" cy="9.5" r="2.3" />
    </svg>
  );
}
