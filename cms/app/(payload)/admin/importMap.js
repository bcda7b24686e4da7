import { CallbackNotice as CallbackNotice_6c4f1ae5ab072c8fa6a83771ce908a36 } from '../../../components/CallbackNotice'
import { NextStepPanel as NextStepPanel_17dbe2e89936498d5f6b2e0bbd3ffa8c } from '../../../components/NextStepPanel'
import { DossierDownloadLink as DossierDownloadLink_efba6ce201335be3c3be132a36e69fce } from '../../../components/DossierDownloadLink'
import { EraseCaseButton as EraseCaseButton_c83edbc2fda52880a1620661f10d28cb } from '../../../components/EraseCaseButton'
import { CaseTimeline as CaseTimeline_aec703b75b9f16c3daeae439f9dba24c } from '../../../components/CaseTimeline'
import { ResendMessageButton as ResendMessageButton_1635d4f90f08ea66abd2f27e238e9180 } from '../../../components/ResendMessageButton'
import { PublishFigures as PublishFigures_4325ce068d84a709d929c30b3e6ffa9f } from '../../../components/report/PublishFigures'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ArticleRowLabel as ArticleRowLabel_c845ca4b2c9462785620e8432f7ae721 } from '../../../components/ArticleRowLabel'
import { Icon as Icon_42af45a2e169122dea8a98337d41efda } from '../../../components/Brand'
import { Logo as Logo_42af45a2e169122dea8a98337d41efda } from '../../../components/Brand'
import { ReportNavLink as ReportNavLink_662e9ca0b1789301fe57ae6d65f7c658 } from '../../../components/report/ReportNavLink'
import { RecordsNavLink as RecordsNavLink_77115ded7a4114e022153a8ae3b68396 } from '../../../components/records/RecordsNavLink'
import { SettingsWarning as SettingsWarning_2016bf619b6f429341e7ae57d0e74042 } from '../../../components/SettingsWarning'
import { CaseDashboard as CaseDashboard_86232ea9471339ac61b356d31b31ac0e } from '../../../components/CaseDashboard'
import { DatePickerLocale as DatePickerLocale_3920138140f1df7fe708d6a4a998ba54 } from '../../../components/DatePickerLocale'
import { DutchLockNotice as DutchLockNotice_a3566ebb8ad137d7a6239df795c5ab78 } from '../../../components/DutchLockNotice'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { ReportView as ReportView_89dce8c7c84782a2e6d35c8f5e7d4b21 } from '../../../components/report/ReportView'
import { RecordsView as RecordsView_e65871ff64af0d47624ff533c041d0bd } from '../../../components/records/RecordsView'
import { RetentionView as RetentionView_8d0fb72409cf3768149aacfcd66e9e0d } from '../../../components/retention/RetentionView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/CallbackNotice#CallbackNotice": CallbackNotice_6c4f1ae5ab072c8fa6a83771ce908a36,
  "/components/NextStepPanel#NextStepPanel": NextStepPanel_17dbe2e89936498d5f6b2e0bbd3ffa8c,
  "/components/DossierDownloadLink#DossierDownloadLink": DossierDownloadLink_efba6ce201335be3c3be132a36e69fce,
  "/components/EraseCaseButton#EraseCaseButton": EraseCaseButton_c83edbc2fda52880a1620661f10d28cb,
  "/components/CaseTimeline#CaseTimeline": CaseTimeline_aec703b75b9f16c3daeae439f9dba24c,
  "/components/ResendMessageButton#ResendMessageButton": ResendMessageButton_1635d4f90f08ea66abd2f27e238e9180,
  "/components/report/PublishFigures#PublishFigures": PublishFigures_4325ce068d84a709d929c30b3e6ffa9f,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/ArticleRowLabel#ArticleRowLabel": ArticleRowLabel_c845ca4b2c9462785620e8432f7ae721,
  "/components/Brand#Icon": Icon_42af45a2e169122dea8a98337d41efda,
  "/components/Brand#Logo": Logo_42af45a2e169122dea8a98337d41efda,
  "/components/report/ReportNavLink#ReportNavLink": ReportNavLink_662e9ca0b1789301fe57ae6d65f7c658,
  "/components/records/RecordsNavLink#RecordsNavLink": RecordsNavLink_77115ded7a4114e022153a8ae3b68396,
  "/components/SettingsWarning#SettingsWarning": SettingsWarning_2016bf619b6f429341e7ae57d0e74042,
  "/components/CaseDashboard#CaseDashboard": CaseDashboard_86232ea9471339ac61b356d31b31ac0e,
  "/components/DatePickerLocale#DatePickerLocale": DatePickerLocale_3920138140f1df7fe708d6a4a998ba54,
  "/components/DutchLockNotice#DutchLockNotice": DutchLockNotice_a3566ebb8ad137d7a6239df795c5ab78,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/components/report/ReportView#ReportView": ReportView_89dce8c7c84782a2e6d35c8f5e7d4b21,
  "/components/records/RecordsView#RecordsView": RecordsView_e65871ff64af0d47624ff533c041d0bd,
  "/components/retention/RetentionView#RetentionView": RetentionView_8d0fb72409cf3768149aacfcd66e9e0d,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
