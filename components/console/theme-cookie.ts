/** The theme is remembered per browser in this cookie, so the server renders the right one next time. */
export const THEME_COOKIE = "dm-theme";
