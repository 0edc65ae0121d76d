/**
 * What other features add to a place's card (live status, events, guides, favourites):
 * each section is drawn on every render of the card (a new place picked, the places in the
 * store changed) and may return an element it fills in later, or nothing for this place.
 * The card knows none of them; the app's entry hands the list to `mountPlaceCard`.
 */
import type { PlaceFeature } from "../../shared/api.ts";

export type CardSection = (place: PlaceFeature) => Node | null;

/** Sections above the card's details (next to the name) and below them (after reviews). */
export interface CardSections {
  readonly top?: readonly CardSection[];
  readonly bottom?: readonly CardSection[];
}

/** The nodes the sections give for `place`, in order; a section that fails is left out. */
export function sectionNodes(sections: readonly CardSection[] | undefined, place: PlaceFeature): Node[] {
  const nodes: Node[] = [];
  for (const section of sections ?? []) {
    try {
      const node = section(place);
      if (node) nodes.push(node);
    } catch (error) {
      console.error(error);
    }
  }
  return nodes;
}
