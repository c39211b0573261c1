import styles from './dashboard.module.css';
import { formatCount } from './format';

interface SessionsButtonProps {
  /** The figure the button shows: the sessions the drawer will list. */
  count: number | null | undefined;
  /** Which sessions, after "sessions", for the accessible name: "of Drama" reads "Show the 1,204 sessions of Drama". */
  phrase: string;
  onClick: () => void;
}

/** A table's session count that opens the sessions behind it; a zero has none to show. */
export function SessionsButton({ count, phrase, onClick }: SessionsButtonProps) {
  if (!count) return <>{formatCount(count)}</>;
  return (
    <button type="button" className={`${styles.cellButton} ${styles.countButton}`} onClick={onClick} aria-label={`Show the ${formatCount(count)} sessions ${phrase}`}>
      {formatCount(count)}
    </button>
  );
}
