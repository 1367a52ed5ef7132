import { useEffect } from "react";
import { useToast } from "./toast-context";

/** Shows `data.message` as a toast each time an action answers `{ ok: true, message }`. */
export function useActionToast(data: unknown) {
  const toast = useToast();
  useEffect(() => {
    if (data && typeof data === "object" && "ok" in data && data.ok && "message" in data)
      toast(String(data.message));
  }, [data, toast]);
}
