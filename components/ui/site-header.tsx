import Link from 'next/link';

import { MainNav } from './main-nav';
import styles from './site-header.module.css';
import { ThemeToggle } from './theme-toggle';

export function SiteHeader() {
  return (
    <header className={styles.header}>
      <div className={`container ${styles.inner}`}>
        <Link href="/" className={styles.brand}>
          <span className={styles.brandMark} aria-hidden="true">
            <svg width="14" height="14" viewBox="0 0 24 24" focusable="false">
              <path d="M7 4.5v15l12.5-7.5z" fill="currentColor" />
            </svg>
          </span>
          <span>
            StreamFlix <span className={styles.brandSub}>Warehouse</span>
          </span>
        </Link>
        <MainNav />
        <div className={styles.actions}>
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
