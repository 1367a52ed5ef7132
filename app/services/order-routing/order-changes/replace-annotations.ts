import type { RoutingAction } from "../actions.server";

/**
 * A new decision's tag and note actions in place of the superseded decision's: the old decision's tags the new one
 * does not keep are removed (`removeTags`), and its note line is replaced (`replacesMarker`), so a re-routed order
 * carries only its current warehouse, mode and service. Pure.
 *
 * @example
 * replacingAnnotations(old.actions, next.actions); // TAGS gets removeTags ["tailroute:ontario-ca"]
 */
export function replacingAnnotations(previous: RoutingAction[], next: RoutingAction[]): RoutingAction[] {
  const oldTags = previous.flatMap((a) => (a.kind === "TAGS" ? a.tags : []));
  const oldMarker = previous.find((a) => a.kind === "NOTE")?.marker;
  return next.map((action) => {
    if (action.kind === "TAGS") {
      const removeTags = oldTags.filter((tag) => !action.tags.includes(tag));
      return removeTags.length ? { ...action, removeTags } : action;
    }
    if (action.kind === "NOTE" && oldMarker && oldMarker !== action.marker)
      return { ...action, replacesMarker: oldMarker };
    return action;
  });
}
