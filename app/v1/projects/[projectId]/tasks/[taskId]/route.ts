// DELETE /v1/projects/{projectId}/tasks/{taskId} – delete a task of the project and all its time tracks
import { z } from "zod";
import { v1Route } from "@/lib/http/handler";
import { deleteTask } from "@/lib/services/tracking";
import { uuid } from "@/lib/validation/common";
import { messageResponse } from "@/lib/validation/account-responses";

export const dynamic = "force-dynamic";

export const DELETE = v1Route({
  scope: "time:write",
  params: z.object({ projectId: uuid, taskId: uuid }),
  summary: "Delete a task and its time tracks (its creator while the time is theirs, or an admin)",
  response: messageResponse,
  handler: async ({ db, caller, params }) => {
    const { deletedTracks } = await deleteTask(db, caller, params.projectId, params.taskId);
    return { message: `Task deleted with ${deletedTracks} time track${deletedTracks === 1 ? "" : "s"}` };
  },
});
