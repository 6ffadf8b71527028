/** A draggable, keyboard-operable divider between two panes (role="separator"). */
import { useCallback, useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitHandleProps {
  readonly orientation: 'vertical' | 'horizontal';
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** +1 when dragging right/down grows the pane, -1 when it shrinks it. */
  readonly direction: 1 | -1;
  readonly onChange: (value: number) => void;
}

export function SplitHandle({ orientation, label, value, min, max, direction, onChange }: SplitHandleProps) {
  const start = useRef<{ pointer: number; value: number } | null>(null);
  const clamp = useCallback((v: number) => Math.round(Math.min(max, Math.max(min, v))), [min, max]);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    start.current = { pointer: orientation === 'vertical' ? event.clientX : event.clientY, value };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    const pointer = orientation === 'vertical' ? event.clientX : event.clientY;
    onChange(clamp(start.current.value + direction * (pointer - start.current.pointer)));
  };
  const onPointerUp = () => {
    start.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 64 : 16;
    const grow = orientation === 'vertical' ? ['ArrowRight', 'ArrowLeft'] : ['ArrowDown', 'ArrowUp'];
    if (event.key === grow[0]) onChange(clamp(value + direction * step));
    else if (event.key === grow[1]) onChange(clamp(value - direction * step));
    else return;
    event.preventDefault();
  };

  return (
    <div
      className={`split-handle split-handle--${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
