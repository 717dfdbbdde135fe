import type { AdminRequest } from "./use-admin-request";

export function RequestMessage({ message }: { message: AdminRequest["message"] }) {
  if (!message) return null;
  return (
    <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-sm text-danger" : "text-sm text-ok"}>
      {message.text}
    </p>
  );
}
