// Breaks no rule: core imports core and npm packages.
import { z } from "zod";
import { RADIUS_M } from "./limits.ts";

export const radius = z.number().max(RADIUS_M);
