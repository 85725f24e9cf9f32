import type { ReactNode, Ref } from 'react';

/** A step title that can take focus, so keyboard and screen-reader users land on it. */
export function StepHeading({
  level,
  children,
  headingRef,
  id,
}: {
  level: 1 | 2;
  children: ReactNode;
  headingRef?: Ref<HTMLHeadingElement>;
  id?: string;
}) {
  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag className="flow-title" tabIndex={-1} ref={headingRef} id={id} data-page-title={level === 1 ? '' : undefined}>
      {children}
    </Tag>
  );
}
