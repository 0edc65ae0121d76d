// Types for Vite's import suffixes (`?raw` for the Maki SVGs, `?url` for the MapLibre worker).
/// <reference types="vite/client" />
