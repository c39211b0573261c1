/** Word lists for invented titles; combined by `catalog.ts` into plausible, unique names. */

export const ADJECTIVES = [
  'Long', 'Silent', 'Hidden', 'Broken', 'Crimson', 'Golden', 'Last', 'Lost', 'Distant', 'Quiet',
  'Wild', 'Burning', 'Frozen', 'Hollow', 'Iron', 'Velvet', 'Midnight', 'Paper', 'Glass', 'Northern',
  'Savage', 'Bright', 'Secret', 'Final', 'Endless', 'Pale', 'Restless', 'Scarlet', 'Electric', 'Sleeping',
  'Borrowed', 'Falling', 'Second', 'Lonely', 'Sunken', 'Wandering', 'Hungry', 'Gentle', 'Cold', 'Empty',
] as const;

export const NOUNS = [
  'Night', 'Harbour', 'Kingdom', 'River', 'Signal', 'Garden', 'Empire', 'Shadow', 'Winter', 'Summer',
  'Storm', 'Horizon', 'Echo', 'Orchard', 'Frontier', 'Mirror', 'Lantern', 'Circuit', 'Island', 'Voyage',
  'Crown', 'Letter', 'Witness', 'Tide', 'Canyon', 'Engine', 'Promise', 'Compass', 'Station', 'Fortress',
  'Season', 'Road', 'Silence', 'Fire', 'Alibi', 'Archive', 'Bridge', 'Heart', 'Debt', 'Orbit',
] as const;

/** Place-like names that make good one-word series titles ("Dockside"). */
export const PLACES = [
  'Dockside', 'Ashford', 'Blackwater', 'Riverbend', 'Northgate', 'Eastwick', 'Saltmarsh', 'Kingsbridge',
  'Larkspur', 'Redhill', 'Greyhaven', 'Westmoor', 'Stonebrook', 'Farrow', 'Halcyon', 'Millbrook',
  'Cold Harbor', 'Pinecrest', 'Marrow Bay', 'Hollowell',
] as const;

export const EPISODE_WORDS = [
  'Pilot', 'Arrival', 'The Offer', 'Low Tide', 'Crossing', 'The Visit', 'Fault Lines', 'Homecoming',
  'The Ledger', 'Undertow', 'Cut Loose', 'Blind Spot', 'The Trade', 'Smoke', 'Old Friends', 'Aftermath',
  'First Light', 'The Long Way', 'Ghosts', 'Reckoning', 'Static', 'The Deal', 'Loose Ends', 'Exit Wounds',
] as const;
