// * – JSON 404 for any unknown path of this API family
import { catchAll } from "@/lib/http/not-found";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = catchAll;
