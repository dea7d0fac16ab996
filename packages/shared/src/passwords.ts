/** Agent passwords: the API enforces it, the web form checks it before sending. */
export const MIN_PASSWORD_LENGTH = 10;
