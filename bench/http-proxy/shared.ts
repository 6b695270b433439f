// What every part of the HTTP_PROXY benchmark agrees on.

/** The backend's whole answer, the same for every request (small, fixed JSON). */
export const BACKEND_BODY = '{"ok":true,"message":"hello from the backend","items":[1,2,3]}';

/** The path the backend sees; each proxy is called with its own prefix in front of it. */
export const BACKEND_PATH = '/items/42';
