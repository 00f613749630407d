// Confirmations in quick succession stay readable: up to three toasts, newest last, each with
// its own dismiss button, all inside one polite live region.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { ToastProvider, useToast } from './Toast';

function Saver() {
  const toast = useToast();
  const n = useRef(0);
  return (
    <button type="button" onClick={() => toast.notify(`Saved ${(n.current += 1)}`)}>
      Save
    </button>
  );
}

describe('toasts', () => {
  it('stacks up to three, newest last, each dismissible, in one live region', async () => {
    const user = userEvent.setup();
    render(
      <ToastProvider>
        <Saver />
      </ToastProvider>,
    );
    const save = screen.getByRole('button', { name: 'Save' });
    await user.click(save);
    await user.click(save);
    const region = screen.getAllByRole('status').find((el) => el.classList.contains('toast-region'))!;
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect([...region.querySelectorAll('.toast__text')].map((el) => el.textContent)).toEqual(['Saved 1', 'Saved 2']);

    await user.click(save);
    await user.click(save);
    expect([...region.querySelectorAll('.toast__text')].map((el) => el.textContent)).toEqual(['Saved 2', 'Saved 3', 'Saved 4']);

    await user.click(within(region).getByRole('button', { name: 'Dismiss: Saved 3' }));
    expect([...region.querySelectorAll('.toast__text')].map((el) => el.textContent)).toEqual(['Saved 2', 'Saved 4']);
  });
});
