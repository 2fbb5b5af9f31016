terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.90"
    }
  }

  # State bucket created by hand once (infra/terraform/README.md); S3 native locking (.tflock).
  backend "s3" {
    bucket       = "kurashi-shared-tfstate"
    key          = "envs/shared/terraform.tfstate"
    region       = "ap-northeast-1"
    encrypt      = true
    use_lockfile = true
  }
}
