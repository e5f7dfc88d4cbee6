// Every http(s) site (not file: or other schemes): the optional host access detection asks for.
//
// Two patterns, one per scheme, and not *://*/*, because of how Chromium gives access back: permissions.remove
// intersects what it is asked to remove with everything granted, keeping each granted pattern that a removed
// pattern contains (PermissionsRemoveFunction, URLPatternSet::CreateIntersection with kPatternsContainedByBoth),
// and takes all of those away. *://*/* contains every covered domain's *://*.example.com/*, so removing it also
// took the required host access (the card and the badge) until the next browser start. A pattern of one scheme
// contains no pattern of both schemes, and every required pattern is *:// (profiles/host-patterns.ts), so removing these
// two takes exactly them. Firefox removes only the patterns it is given, either way.
export const DETECTION_ORIGINS = ['http://*/*', 'https://*/*'];
