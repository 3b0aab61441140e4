"""Dayfinder: find adult social care day opportunities by chat and SMS."""

__all__ = ["__version__"]

__version__ = "0.1.0"
