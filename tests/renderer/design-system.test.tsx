import { createRef, useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Button, buttonClass } from '../../renderer/ui/Button';
import { Field } from '../../renderer/ui/Field';
import { SettingRow } from '../../renderer/ui/fields';

describe('Button', () => {
  it('is a plain button by default: it does not submit the form around it', async () => {
    const onSubmit = vi.fn((e: { preventDefault: () => void }) => e.preventDefault());
    const onClick = vi.fn();
    render(
      <form onSubmit={onSubmit}>
        <Button onClick={onClick}>Not now</Button>
        <Button type="submit" variant="primary">
          Save
        </Button>
      </form>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('passes refs and every button prop through, and draws the variant and size asked for', async () => {
    const ref = createRef<HTMLButtonElement>();
    const onClick = vi.fn();
    render(
      <Button
        ref={ref}
        variant="danger"
        size="large"
        className="extra"
        aria-describedby="why"
        disabled
        onClick={onClick}
      >
        Delete
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Delete' });
    expect(ref.current).toBe(button);
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-describedby', 'why');
    expect(button).toHaveClass('button', 'button-danger', 'button-large', 'extra');
    await userEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('gives a link the same look', () => {
    expect(buttonClass('primary')).toBe('button button-primary');
    expect(buttonClass('quiet', 'roomy', 'x')).toBe('button button-quiet button-roomy x');
  });
});

describe('Field', () => {
  it('names the control by its label and describes it by its hint, then its error', () => {
    render(
      <Field label="Break every" hint="Between 10 and 120 minutes." error="That is too long.">
        {(control) => <input type="number" {...control} />}
      </Field>,
    );
    const input = screen.getByRole('spinbutton', { name: 'Break every' });
    expect(input).toHaveAccessibleDescription('Between 10 and 120 minutes. That is too long.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('That is too long.');
  });

  it('without an error, the control is not marked invalid and nothing is announced', () => {
    render(
      <Field label="Name" hint="As you like to be called.">
        {(control) => <input {...control} />}
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Name' });
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input).toHaveAccessibleDescription('As you like to be called.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('as a group, several controls share one legend, hint and error', () => {
    function Units() {
      const [units, setUnits] = useState('cm');
      return (
        <Field layout="group" label="Your height" hint="Without shoes." error={units === 'in' ? 'Not yet.' : null}>
          {(control) => (
            <>
              {['cm', 'in'].map((u) => (
                <label key={u}>
                  <input
                    type="radio"
                    name="units"
                    checked={units === u}
                    onChange={() => setUnits(u)}
                    aria-describedby={control['aria-describedby']}
                  />
                  {u}
                </label>
              ))}
            </>
          )}
        </Field>
      );
    }
    render(<Units />);
    expect(screen.getByRole('group', { name: 'Your height' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'cm' })).toHaveAccessibleDescription('Without shoes.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the settings rows as they were: SettingRow is a Field', () => {
    render(
      <SettingRow id="interval" label="Break every" help="Minutes of sitting." error="Too short." note="At least 10.">
        <input id="interval" aria-describedby="interval-help interval-error" />
      </SettingRow>,
    );
    const input = screen.getByRole('textbox', { name: 'Break every' });
    expect(input).toHaveAccessibleDescription(/^Minutes of sitting\. Too short\.\s?At least 10\.$/);
    expect(screen.getByText('Break every')).toHaveAttribute('id', 'interval-label');
  });
});
