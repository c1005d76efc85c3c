import { cn } from "@/lib/utils";

export function Table({ className, ...props }: React.ComponentProps<"table">) {
  return (
    <div className="relative w-full overflow-x-auto">
      <table data-slot="table" className={cn("w-full caption-bottom text-sm", className)} {...props} />
    </div>
  );
}
export function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead className={cn("[&_tr]:border-b [&_tr]:border-border", className)} {...props} />;
}
export function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return <tbody className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}
export function TableFooter({ className, ...props }: React.ComponentProps<"tfoot">) {
  return <tfoot className={cn("border-t border-border bg-muted/50 font-medium", className)} {...props} />;
}
export function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return <tr className={cn("border-b border-border transition-colors hover:bg-muted/50", className)} {...props} />;
}
export function TableHead({ className, ...props }: React.ComponentProps<"th">) {
  return <th className={cn("h-10 px-2 text-left align-middle font-medium whitespace-nowrap text-muted-foreground", className)} {...props} />;
}
export function TableCell({ className, ...props }: React.ComponentProps<"td">) {
  return <td className={cn("p-2 align-middle whitespace-nowrap", className)} {...props} />;
}

/** A column of `TableHeaderRow`: its title, and a class for alignment ("text-right" for numbers). */
export type HeaderColumn = string | { label: string; className?: string };

/**
 * The header of a plain table: one title a column and, with `actions`, a last column for row
 * buttons whose title only screen readers hear.
 */
export function TableHeaderRow({ columns, actions = false }: { columns: HeaderColumn[]; actions?: boolean }) {
  return (
    <TableHeader>
      <TableRow>
        {columns.map((c) => {
          const { label, className } = typeof c === "string" ? { label: c, className: undefined } : c;
          return (
            <TableHead key={label} className={className}>
              {label}
            </TableHead>
          );
        })}
        {actions ? (
          <TableHead className="text-right">
            <span className="sr-only">Actions</span>
          </TableHead>
        ) : null}
      </TableRow>
    </TableHeader>
  );
}
