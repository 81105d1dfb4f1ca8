/** The two routes outside the app frame; the others come from the side nav (nav-items.tsx). */
export const SETUP_PATH = '/setup';
export const LOGIN_PATH = '/login';
