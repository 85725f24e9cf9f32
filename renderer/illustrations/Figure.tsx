import { memo, useMemo } from 'react';
import {
  BODY,
  CHAIR,
  GROUND_Y,
  VIEWBOX,
  VIEWBOX_TOP,
  jointAttribute,
  hipJoints,
  stillPose,
  type FigureSpec,
  type Joint,
  type Pose,
  type PropName,
} from './poses';

/**
 * One exercise figure: an original, friendly rounded-limb figure drawn from the pose data in
 * poses.ts. The still pose lives in SVG `transform` attributes (what a reduced-motion user sees);
 * the generated keyframes (virtual:illustrations.css) animate the same joints by class name. No style attributes: the
 * CSP allows none.
 */
export const Figure = memo(function Figure({
  spec,
  paused = false,
  className,
}: {
  spec: FigureSpec;
  paused?: boolean;
  className?: string;
}) {
  const pose = useMemo(() => stillPose(spec), [spec]);
  const classes = [
    'ms-fig',
    `ms-fig--${spec.key}`,
    `ms-fig-${spec.view}`,
    paused ? 'ms-fig-paused' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <svg
      className={classes}
      viewBox={`0 ${-VIEWBOX_TOP} ${VIEWBOX} ${VIEWBOX}`}
      role="img"
      aria-label={spec.label}
      focusable="false"
      data-illustration={spec.key}
    >
      <g className="ms-props" aria-hidden="true">
        {spec.props.map((p) => (
          <Prop key={p} name={p} />
        ))}
        <line className="ms-floor" x1="14" y1={GROUND_Y + 1.5} x2="186" y2={GROUND_Y + 1.5} />
      </g>
      <Body spec={spec} pose={pose} />
      {spec.decos.includes('guide') && (
        <line className="ms-deco ms-deco-guide" x1={pose.x} y1="34" x2={pose.x} y2={GROUND_Y - 2} aria-hidden="true" />
      )}
      {spec.decos.includes('pull') && <PullGauge />}
    </svg>
  );
});

function J({ joint, pose, children }: { joint: Joint; pose: Pose; children: React.ReactNode }) {
  return (
    <g className={`ms-j ms-j-${joint}`} transform={jointAttribute(pose, joint)}>
      {children}
    </g>
  );
}

function Body({ spec, pose }: { spec: FigureSpec; pose: Pose }) {
  const front = spec.view === 'front';
  const hips = hipJoints({ x: 0, y: 0 }, spec.view);
  const top = BODY.chest - BODY.shoulderDrop;
  const half = front ? BODY.shoulderHalf : 0;
  const farClass = front ? 'ms-limb ms-limb-near' : 'ms-limb ms-limb-far';
  const decos = spec.decos;
  return (
    <g className="ms-body" aria-hidden="true">
      <J joint="root" pose={pose}>
        <g transform={`translate(${hips.f[0]} 0)`}>
          <Leg side="F" pose={pose} front={front} className={farClass} />
        </g>
        <J joint="torso" pose={pose}>
          <line className="ms-trunk ms-trunk-low" x1="0" y1="0" x2="0" y2={-BODY.pelvis} />
          {decos.includes('belly') && (
            <ellipse className="ms-deco ms-deco-belly" cx={front ? 0 : 6} cy={-11} rx="6" ry="8" />
          )}
          {decos.includes('glow') && (
            <>
              <circle className="ms-deco ms-deco-glow" cx={-7} cy={-1} r="7" />
              <circle className="ms-deco ms-deco-glow" cx={7} cy={-11} r="6" />
            </>
          )}
          <g transform={`translate(0 ${-BODY.pelvis})`}>
            <J joint="chest" pose={pose}>
              <g transform={`translate(${-half} ${-top})`}>
                <J joint="shrug" pose={pose}>
                  <Arm side="F" pose={pose} className={farClass} />
                </J>
              </g>
              <line className="ms-trunk ms-trunk-high" x1="0" y1="0" x2="0" y2={-BODY.chest} />
              {decos.includes('ribs') && (
                <g className="ms-deco ms-deco-ribs">
                  <path d="M -12 -4 Q -18 -12 -12 -20" />
                  <path d="M 12 -4 Q 18 -12 12 -20" />
                </g>
              )}
              <g transform={`translate(0 ${-BODY.chest})`}>
                <J joint="head" pose={pose}>
                  <Head front={front} air={decos.includes('air')} />
                </J>
              </g>
              <g transform={`translate(${half} ${-top})`}>
                <J joint="shrug" pose={pose}>
                  <Arm
                    side="N"
                    pose={pose}
                    className="ms-limb ms-limb-near"
                    weight={decos.includes('weight-both') || decos.includes('weight-near')}
                  />
                </J>
              </g>
            </J>
          </g>
          {decos.includes('dowel') && <line className="ms-deco ms-deco-dowel" x1={-11} y1={10} x2={-11} y2={-82} />}
        </J>
        <g transform={`translate(${hips.n[0]} 0)`}>
          <Leg side="N" pose={pose} front={front} className="ms-limb ms-limb-near" band={decos.includes('band')} />
        </g>
      </J>
    </g>
  );
}

function Leg({
  side,
  pose,
  front,
  className,
  band = false,
}: {
  side: 'N' | 'F';
  pose: Pose;
  front: boolean;
  className: string;
  /** A loop of exercise band just above the knee. */
  band?: boolean;
}) {
  // In front view the feet point outward: the near (screen-right) foot to +x, the far one to -x.
  const footDir = front && side === 'F' ? -1 : 1;
  const footLen = front ? 6 : BODY.foot;
  return (
    <g className={className}>
      <J joint={`thigh${side}`} pose={pose}>
        <line x1="0" y1="0" x2="0" y2={BODY.thigh} />
        {band && <rect className="ms-deco ms-deco-band" x={-7} y={BODY.thigh - 12} width={14} height={5} rx={2.5} />}
        <g transform={`translate(0 ${BODY.thigh})`}>
          <J joint={`shin${side}`} pose={pose}>
            <line x1="0" y1="0" x2="0" y2={BODY.shin} />
            <g transform={`translate(0 ${BODY.shin})`}>
              <J joint={`foot${side}`} pose={pose}>
                <line className="ms-foot" x1="0" y1="0" x2={footDir * footLen} y2="0" />
              </J>
            </g>
          </J>
        </g>
      </J>
    </g>
  );
}

function Arm({
  side,
  pose,
  className,
  weight = false,
}: {
  side: 'N' | 'F';
  pose: Pose;
  className: string;
  weight?: boolean;
}) {
  return (
    <g className={className}>
      <J joint={`arm${side}`} pose={pose}>
        <line x1="0" y1="0" x2="0" y2={BODY.upperArm} />
        <g transform={`translate(0 ${BODY.upperArm})`}>
          <J joint={`elbow${side}`} pose={pose}>
            <line x1="0" y1="0" x2="0" y2={BODY.forearm} />
            {weight && (
              <g className="ms-deco ms-deco-weight">
                <path d={`M -4 ${BODY.forearm + 1} Q 0 ${BODY.forearm - 5} 4 ${BODY.forearm + 1}`} />
                <rect x={-8} y={BODY.forearm + 2} width={16} height={13} rx={5} />
              </g>
            )}
          </J>
        </g>
      </J>
    </g>
  );
}

function Head({ front, air }: { front: boolean; air: boolean }) {
  const cy = -(BODY.neck + BODY.headR);
  return (
    <g className="ms-head">
      <line className="ms-neck" x1="0" y1="0" x2="0" y2={-BODY.neck - 2} />
      <circle className="ms-headshape" cx="0" cy={cy} r={BODY.headR} />
      {front ? (
        <>
          <circle className="ms-face" cx="-4.5" cy={cy - 1.5} r="1.6" />
          <circle className="ms-face" cx="4.5" cy={cy - 1.5} r="1.6" />
          <path className="ms-smile" d={`M -4 ${cy + 3.5} Q 0 ${cy + 6.5} 4 ${cy + 3.5}`} />
        </>
      ) : (
        <>
          <circle className="ms-face" cx="6" cy={cy - 2} r="1.6" />
          <path className="ms-smile" d={`M 5 ${cy + 4} Q 8 ${cy + 5.5} 10 ${cy + 3}`} />
        </>
      )}
      {air && (
        <g className="ms-deco ms-deco-air">
          <path d={`M 17 ${cy + 1} q 4 2 8 0`} />
          <path d={`M 19 ${cy + 6} q 4 2 8 0`} />
        </g>
      )}
    </g>
  );
}

function Prop({ name }: { name: PropName }) {
  switch (name) {
    case 'chair':
      return (
        <g className="ms-prop ms-prop-chair">
          <line x1={CHAIR.back + 2} y1={CHAIR.seatY + 4} x2={CHAIR.back - 4} y2={92} />
          <line x1={CHAIR.back} y1={CHAIR.seatY + 4} x2={CHAIR.front} y2={CHAIR.seatY + 4} />
          <line x1={CHAIR.back + 6} y1={CHAIR.seatY + 4} x2={CHAIR.back + 6} y2={GROUND_Y} />
          <line x1={CHAIR.front - 6} y1={CHAIR.seatY + 4} x2={CHAIR.front - 6} y2={GROUND_Y} />
        </g>
      );
    case 'support':
      return (
        <g className="ms-prop ms-prop-chair ms-prop-behind">
          <line x1={130} y1={150} x2={128} y2={98} />
          <line x1={128} y1={150} x2={170} y2={150} />
          <line x1={134} y1={150} x2={134} y2={GROUND_Y} />
          <line x1={164} y1={150} x2={164} y2={GROUND_Y} />
        </g>
      );
    case 'desk-side':
      // A desk seen end-on behind the figure: its top at hand height, two legs.
      return (
        <g className="ms-prop ms-prop-desk ms-prop-behind">
          <line x1={62} y1={110} x2={150} y2={110} />
          <line x1={68} y1={110} x2={68} y2={GROUND_Y} />
          <line x1={144} y1={110} x2={144} y2={GROUND_Y} />
        </g>
      );
    case 'desk':
      return (
        <g className="ms-prop ms-prop-desk">
          <line x1={150} y1={115} x2={198} y2={115} />
          <line x1={190} y1={115} x2={190} y2={GROUND_Y} />
          <rect className="ms-prop-screen" x={170} y={86} width={22} height={16} rx={2} />
          <line x1={181} y1={102} x2={181} y2={112} />
        </g>
      );
    case 'mat':
      return <rect className="ms-prop-mat" x={10} y={GROUND_Y - 3} width={180} height={4} rx={2} />;
    case 'cushion':
      return <rect className="ms-prop-cushion" x={126} y={166} width={30} height={16} rx={8} />;
    case 'wall':
      return <rect className="ms-prop-wall" x={52} y={22} width={96} height={GROUND_Y - 22} rx={4} />;
  }
}

/** A small meter beside the nerve-glide figures: only the first 2–3 steps out of 10 are lit. */
function PullGauge() {
  return (
    <g className="ms-gauge" aria-hidden="true" transform="translate(150 24)">
      {Array.from({ length: 10 }, (_, i) => (
        <rect
          key={i}
          className={i < 3 ? 'ms-gauge-on' : 'ms-gauge-off'}
          x={0}
          y={54 - i * 6}
          width={14}
          height={4}
          rx={1.5}
        />
      ))}
    </g>
  );
}
