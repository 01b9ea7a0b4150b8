// An icon-only button: its name is the label, the screen's tooltip repeats it, and when the action
// is not possible now the button stays focusable (aria-disabled) so the tooltip can say why.
// No hooks: grid rows create many of these while scrolling.
import { Icon, type IconName } from './Icon';

interface IconButtonProps {
  icon: IconName;
  label: string;
  onClick(button: HTMLButtonElement): void;
  /** Set when the action is not possible now: shown in the tooltip and read as the description. */
  disabledReason?: string | null;
  className?: string;
}

export function IconButton({ icon, label, onClick, disabledReason, className }: IconButtonProps) {
  return (
    <button
      type="button"
      className={`icon-button${className ? ` ${className}` : ''}`}
      aria-label={label}
      aria-disabled={disabledReason ? true : undefined}
      data-tip={label}
      data-tip-reason={disabledReason ?? undefined}
      onClick={(e) => {
        if (!disabledReason) onClick(e.currentTarget);
      }}
    >
      <Icon name={icon} />
    </button>
  );
}
