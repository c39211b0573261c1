/** localStorage key holding the reader's explicit theme choice; absent means "follow the OS". */
export const THEME_STORAGE_KEY = 'streamflix-theme';

export type Theme = 'light' | 'dark';

export function isTheme(value: unknown): value is Theme {
  return value === 'light' || value === 'dark';
}

/**
 * Runs in <head> before first paint so a stored choice never flashes the other theme.
 * A constant string (no eval, no interpolated user data): a future CSP can allow it by its
 * sha256 hash or a nonce, without 'unsafe-eval'.
 */
export const THEME_INIT_SCRIPT = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==='light'||t==='dark')document.documentElement.setAttribute('data-theme',t)}catch(e){}})();`;
