import type { ReactNode } from 'react';
import type { Tone } from '../../lib/phase';
import './ProgressRing.css';

interface ProgressRingProps {
  /** 0 … 1: how much of the ring is drawn. */
  value: number;
  tone: Tone;
  size?: number;
  children?: ReactNode;
}

/**
 * An SVG ring drawn with presentation attributes only (no style attributes: the CSP allows
 * none). The words in the middle are real text; the ring itself is decoration.
 */
export function ProgressRing({ value, tone, size = 176, children }: ProgressRingProps) {
  const clamped = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  const stroke = 12;
  const r = (100 - stroke) / 2;
  return (
    <div className={`ring ring-${tone} ring-size-${size}`}>
      <svg viewBox="0 0 100 100" width={size} height={size} aria-hidden="true" focusable="false">
        <circle className="ring-track" cx="50" cy="50" r={r} fill="none" strokeWidth={stroke / 1.6} />
        <circle
          className="ring-value"
          cx="50"
          cy="50"
          r={r}
          fill="none"
          strokeWidth={stroke / 1.6}
          strokeLinecap="round"
          pathLength={100}
          strokeDasharray="100 100"
          strokeDashoffset={100 - clamped * 100}
          transform="rotate(-90 50 50)"
          data-value={clamped.toFixed(3)}
        />
      </svg>
      <div className="ring-center">{children}</div>
    </div>
  );
}
