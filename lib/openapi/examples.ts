// The seeds' example bodies and answers (/work/shared/seeds, copied as captured, typos and all),
// attached by buildOpenApi to the matching operations as OpenAPI `examples`. Seed ids such as
// "Q2fspaa93Ad" are the vendors' illustrations; this API's ids are UUIDs.

export interface SeedExample {
  /** Which seed it comes from (000-004). */
  seed: string;
  request?: unknown;
  response?: unknown;
}

const range = { startDate: "2026-02-08 00:00:00", endDate: "2026-02-08 23:59:59", timeZone: "Asia/Kolkata", userId: ["ab7c4f30-1024-471a-a767-739df0dc53fd"], teamId: [] };
const tokens = { accessToken: "q224EM8d...", refreshToken: "ia3af99...", expiresIn: 1714586400000 };
const seedUser = { id: "Q2fspaa93Ad", firstName: "Doug", lastName: "John", email: "john.doe@example.com", role: "member", createdAt: "2025-04-22T10:00:00Z", updatedAt: "2025-04-22T10:00:00Z" };
const project = { name: "New e-commerce shop", description: "Few months with NestJS and Vue", externalId: "JIRA-102" };
const task = { name: "New website design", description: "Create a new homepage using React" };
const track = {
  id: "398fa3ov3", taskId: "task789", userId: "user456", startTime: "2025-04-22T14:00:00Z", endTime: "2025-04-22T15:30:00Z",
  start: 1712100000000, end: 1714580000000, amount: 1714500000000, hours: 1, minutes: 35, seconds: 5, timeFormatted: "1h 35m 5s",
  createdAt: "2025-04-22T14:00:00Z", updatedAt: "2025-04-22T15:35:00Z",
};
const timeLog = {
  id: "...", startedAt: "2024-01-15T09:00:00.000Z", stoppedAt: "2024-01-15T17:00:00.000Z", duration: 28800, logType: "TRACKED", source: "DESKTOP",
  description: "Working on feature X", employeeId: "...", projectId: "...", taskId: "...", organizationId: "...",
};
const metrics = { totalTimeSpendSeconds: 15895, activeTimeSpendSeconds: 13432, idleTimeSpendSeconds: 2463, productiveTimeSpendSeconds: 8942, neutralTimeSpendSeconds: 4490, unproductiveTimeSpendSeconds: 0 };

/** "METHOD /pattern" → the seed's example request body and success answer. */
export const seedExamples: Record<string, SeedExample> = {
  "POST /v1/dashboard/productivity-analysis": {
    seed: "000",
    request: range,
    response: {
      success: true, statusCode: 200, statusMessage: "Fetched productivity analysis successfully", error: null,
      data: [{
        user: { userId: "f0ad9ad9-d421-48dc-868d-9760e33e5089", name: "Abirami Kannan", profilePicUrl: "https://trackpilots.s3.amazonaws.com/profile-pic/9b8090ae.png" },
        timeSummary: { activeWorkedTimeInSeconds: 76516, productiveWorkedTimeInSeconds: 56641, unproductiveWorkedTimeInSeconds: 2706, neutralWorkedTimeInSeconds: 17169 },
      }],
    },
  },
  "POST /v1/dashboard/weekly-summary": {
    seed: "001",
    request: range,
    response: {
      success: true, statusCode: 200, statusMessage: "Fetched weekly summary successfully", error: null,
      data: {
        breakdownSummary: [{ date: "2026-02-02T00:00:00.000Z", day: "Monday", metrics }],
        overallSummary: {
          totalActiveTimeSpendSeconds: 215363, totalIdleTimeSpendSeconds: 19974, totalTimeSpendSeconds: 235337,
          totalProductiveTimeSpendSeconds: 155530, totalNeutralTimeSpendSeconds: 56841, totalUnproductiveTimeSpendSeconds: 2992,
        },
      },
    },
  },
  "POST /v1/proof-of-work/timesheet": {
    seed: "002",
    request: { ...range, offset: 1 },
    response: {
      statusCode: 200, statusMessage: "Fetched timesheet successfully", error: null,
      response: {
        totalActiveUsers: 12,
        usersList: [{
          user: { userId: "ab7c4f30-1024-471a-a767-739df0dc53fd", name: "Sakthivel Govinthan", profilePicUrl: "https://trackpilots.s3.amazonaws.com/profile-pic/xxx.png" },
          dailySummary: [{
            date: "2026-02-12T00:00:00.000Z", day: "Thursday", inTime: "2026-02-12T10:02:01.676Z", outTime: "2026-02-12T22:23:56.461Z",
            totalTimeSpendSeconds: 18432, activeTimeSpendSeconds: 16787, idleTimeSpendSeconds: 1645, productiveTimeSpendSeconds: 14288, unproductiveTimeSpendSeconds: 0, neutralTimeSpendSeconds: 2499,
          }],
          overallSummary: {
            totalActiveTimeSpendSeconds: 29973, totalIdleTimeSpendSeconds: 2481, totalTimeSpendSeconds: 32454,
            totalProductiveTimeSpendSeconds: 26047, totalNeutralTimeSpendSeconds: 3926, totalUnproductiveTimeSpendSeconds: 0,
          },
          session: { avgCheckInTime: "01:45:51", avgCheckOutTime: "10:46:51" },
        }],
      },
    },
  },

  "POST /v1/auth/signup": {
    seed: "003",
    request: { email: "user@example.com", firstName: "user@example.com", lastName: "user@example.com", password: "string", orgName: "string" },
    response: {
      message: "User and organisation registered successfully",
      user: seedUser,
      org: { id: "Os2fe92ja9EA", name: "Visidra", decription: "string", email: "contact@visidra.com", createdAt: "2025-04-22T10:00:00Z", updatedAt: "2025-04-22T10:00:00Z" },
    },
  },
  "POST /v1/auth/login": { seed: "003", request: { email: "user@visidra.com", password: "password123" }, response: tokens },
  "POST /v1/auth/refresh": { seed: "003", request: { refreshToken: "eyJhbGciOi..." }, response: tokens },
  "POST /v1/auth/api-key/login": { seed: "003", request: { apiKey: "k4t43m1d... (secret)" }, response: tokens },
  "POST /v1/auth/api-key/refresh": { seed: "003", request: { refreshToken: "eyJhbGciOi..." }, response: tokens },
  "POST /v1/users": { seed: "003", request: { firstName: "John", lastName: "Doe", email: "john.doe@example.com", role: "member" }, response: seedUser },
  "GET /v1/users/{userId}": { seed: "003", response: seedUser },
  "PUT /v1/users/{userId}": { seed: "003", request: { firstName: "Doug", lastName: "John", email: "john.doe@example.com" }, response: seedUser },
  "PUT /v1/users/{userId}/password": { seed: "003", request: { password: "pa$$word_qwe" }, response: { message: "Password updated successfully" } },
  "POST /v1/users/{userId}/password-reset": { seed: "003", request: { expiresAt: "2025-04-30T00:00:00Z" }, response: { message: "Password reset scheduled" } },
  "PUT /v1/orgs/{orgId}": { seed: "003", request: { name: "Visidra Updated", description: "456 New Address Rd, Tech City" } },
  "POST /v1/api-keys": {
    seed: "003",
    request: { name: "Name of the new api key" },
    response: {
      apiKey: "k4t43m1d... (secret)",
      message: "API key created. Store it securely — it will not be shown again.",
      info: { id: "string", name: "string", last4: "string", lastUsedAt: 0, createdAt: "2025-04-22T09:00:00Z", updatedAt: "2025-04-22T09:00:00Z" },
    },
  },
  "DELETE /v1/api-keys/{apiKeyId}": { seed: "003", response: { message: "Response message" } },
  "POST /v1/projects": { seed: "003", request: project },
  "PUT /v1/projects/{projectId}": { seed: "003", request: { name: "New e-commerce system", description: "Few months with NestJS and Vue" } },
  "POST /v1/projects/{projectId}/tasks": { seed: "003", request: task },
  "PUT /v1/projects/{projectId}/tasks/{taskId}/move": { seed: "003", request: { projectId: "I9a2f9f13Aq" } },
  "POST /v1/tasks": { seed: "003", request: task },
  "PUT /v1/tasks/{taskId}": { seed: "003", request: task },
  "POST /v1/tasks/{taskId}/tracks": { seed: "003", request: { start: 0, end: 0 }, response: track },
  "GET /v1/tasks/{taskId}/tracks/{trackId}": { seed: "003", response: track },
  "DELETE /v1/tasks/{taskId}/tracks/{trackId}": { seed: "003", response: { message: "Response message" } },
  "POST /v1/invitations": { seed: "003", request: { email: "john.doe@example.com" } },

  "GET /api/timesheet/time-log": { seed: "004", response: { items: [timeLog], total: 150 } },
  "POST /api/timesheet/time-log": {
    seed: "004",
    request: {
      startedAt: "2024-01-15T09:00:00.000Z", stoppedAt: "2024-01-15T17:00:00.000Z", logType: "MANUAL", source: "WEB_TIMER", description: "Working on feature X",
      projectId: "project-uuid", taskId: "task-uuid", organizationId: "org-uuid", isBillable: true,
    },
  },
  "PUT /api/timesheet/time-log/{id}": { seed: "004", request: { stoppedAt: "2024-01-15T18:00:00.000Z", description: "Updated description" } },
  "PUT /api/timesheet/submit": { seed: "004", request: { ids: ["timesheet-uuid-1", "timesheet-uuid-2"], status: "PENDING" } },
  "PUT /api/timesheet/approve": { seed: "004", request: { ids: ["timesheet-uuid-1"] } },
  "PUT /api/timesheet/deny": { seed: "004", request: { ids: ["timesheet-uuid-1"] } },
  "GET /api/timesheet/screenshot": {
    seed: "004",
    response: {
      items: [{
        id: "...", file: "https://storage.example.com/screenshots/uuid.png", thumb: "https://storage.example.com/screenshots/uuid-thumb.png",
        recordedAt: "2024-01-15T10:30:00.000Z", timeSlotId: "...", employeeId: "...",
      }],
    },
  },
  "GET /api/timesheet/statistics/counts": { seed: "004", response: { weeklyDuration: 144000, weeklyActivities: 85, todayDuration: 28800, todayActivities: 12 } },
  "POST /api/timesheet/timer/start": { seed: "004", request: { projectId: "project-uuid", taskId: "task-uuid", organizationId: "org-uuid", description: "Working on feature" } },
};
