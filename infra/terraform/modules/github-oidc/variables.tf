variable "name_prefix" {
  description = "Prefix of the role names, kurashi-<env>; roles are <prefix>-github-<role key>."
  type        = string
}

variable "repository" {
  description = "GitHub repository (owner/name) whose workflows may assume the roles; nothing else can."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.repository))
    error_message = "repository must be owner/name."
  }
}

variable "roles" {
  description = <<-EOT
    Roles by key. subjects: what follows "repo:<repository>:" in the token's sub claim, e.g.
    "environment:prod" (a job bound to the GitHub environment prod) or "pull_request". policy_json: an inline
    identity policy. managed_policy_arns: AWS managed policies (the Terraform roles only).
  EOT
  type = map(object({
    subjects            = list(string)
    policy_json         = optional(string)
    managed_policy_arns = optional(list(string), [])
  }))

  validation {
    condition     = alltrue([for role in values(var.roles) : length(role.subjects) > 0 && alltrue([for subject in role.subjects : !strcontains(subject, "*")])])
    error_message = "Every role needs at least one exact subject; wildcards would let any branch or environment assume it."
  }
}
