/** The school-route page's test hook on window: what the map holds, and its next idle. */
export interface SchoolRoutesTestHook {
  walks(): number;
  idle(): Promise<void>;
}

declare global {
  interface Window {
    __schoolRoutes?: SchoolRoutesTestHook;
  }
}
