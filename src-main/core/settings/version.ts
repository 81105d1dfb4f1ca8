/** The version the settings page's "about" shows (package.json's, kept in step by hand). */
export const APP_VERSION = '0.1.0';
