import { AGREEMENT_2020 } from "../agreements";

/*
 * The agreement the SJUK functions compute, and the post lists their arguments are checked
 * against: one place, so that choosing another agreement (issue 9, point 3) changes one module.
 */
export const agreement = AGREEMENT_2020;
export const regionalPosts = agreement.posts
  .filter((p) => p.recipient === "regions")
  .map((p) => p.id);
export const postIds = agreement.posts.map((p) => p.id);
