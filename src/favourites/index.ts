/** Favourites (收藏): the places and guides a signed-in family member saves, on every phone of theirs. */
export { favouritesDomain, type FavouritesDomainDeps } from "./favourites-domain.ts";
export { favouriteMigrations } from "./migrations.ts";
export { FavouriteStore, type Favourite } from "./favourite-store.ts";
export { favouriteTargets, type DescribeTarget, type FavouriteTarget } from "./favourite-targets.ts";
