"use client";

import { useEffect } from "react";
import { ChevronLeft, ChevronRight, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { ErrorMessage } from "@/components/ui/feedback";
import { neighbour, samePath, type GalleryShot } from "./slots";

/** The full-size screenshot with previous/next (buttons and the arrow keys) and delete where allowed. */
export function ScreenshotViewer({
  order,
  openId,
  onOpenId,
  canDelete,
  onDelete,
  deleting,
  deleteError,
  personName,
  dayLabel,
}: {
  order: GalleryShot[];
  openId: string | null;
  onOpenId: (id: string | null) => void;
  canDelete: boolean;
  onDelete: (shot: GalleryShot) => void;
  deleting: boolean;
  deleteError: unknown;
  personName: string;
  dayLabel: string;
}) {
  const index = order.findIndex((s) => s.id === openId);
  const shot = index >= 0 ? order[index]! : null;
  const prev = shot ? neighbour(order, shot.id, -1) : null;
  const next = shot ? neighbour(order, shot.id, 1) : null;

  // On the window, not the dialog: when "Next" turns disabled at the last screenshot the
  // focus leaves it, and the arrows must keep working.
  useEffect(() => {
    if (!shot) return;
    function onKeyDown(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.key === "ArrowLeft" && prev) {
        e.preventDefault();
        onOpenId(prev);
      } else if (e.key === "ArrowRight" && next) {
        e.preventDefault();
        onOpenId(next);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [shot, prev, next, onOpenId]);

  return (
    <Dialog open={shot !== null} onOpenChange={(o) => !o && onOpenId(null)}>
      <DialogContent className="max-w-5xl gap-3 p-4 sm:p-6">
        {shot ? (
          <>
            <div className="pr-8">
              <DialogTitle>
                {personName} · {dayLabel}, {shot.clock}
              </DialogTitle>
              <DialogDescription>
                Screenshot {index + 1} of {order.length} · activity {shot.activity === null ? "not reported" : `${shot.activity}%`} · use ← and → to move
              </DialogDescription>
            </div>
            {/* eslint-disable-next-line @next/next/no-img-element -- an authorised API image, not a static asset */}
            <img
              key={shot.id}
              src={samePath(shot.file)}
              alt={`Screenshot of ${personName} at ${shot.clock}`}
              className="max-h-[65vh] w-full rounded-md border border-border bg-muted object-contain"
            />
            <ErrorMessage error={deleteError} />
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div className="flex gap-2">
                <Button type="button" variant="outline" disabled={!prev} onClick={() => prev && onOpenId(prev)}>
                  <ChevronLeft aria-hidden />
                  Previous
                </Button>
                <Button type="button" variant="outline" disabled={!next} onClick={() => next && onOpenId(next)}>
                  Next
                  <ChevronRight aria-hidden />
                </Button>
              </div>
              {canDelete ? (
                <Button type="button" variant="destructive" disabled={deleting} onClick={() => onDelete(shot)}>
                  <Trash2 aria-hidden />
                  {deleting ? "Deleting…" : "Delete screenshot"}
                </Button>
              ) : null}
            </div>
          </>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
