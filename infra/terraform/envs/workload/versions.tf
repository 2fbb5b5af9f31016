terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.90"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
    grafana = {
      source  = "grafana/grafana"
      version = "~> 3.22"
    }
  }

  # State bucket created by hand once per account (infra/terraform/README.md); S3 native locking (.tflock).
  # Bucket and key come from <env>.s3.tfbackend: terraform init -reconfigure -backend-config=<env>.s3.tfbackend
  backend "s3" {
    region       = "ap-northeast-1"
    encrypt      = true
    use_lockfile = true
  }
}
