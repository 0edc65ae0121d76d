/** The event other features send to open one idea's card on the map page: `detail` is its id. */
export const OPEN_IDEA_EVENT = "tongxing:open-idea";
