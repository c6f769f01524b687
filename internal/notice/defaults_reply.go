package notice

import "gongkai/internal/disclosure"

// The shipped 答复书 (条例第三十六条至第三十九条, spec legal-rules §4.3), each
// stating the legal basis, the reasons where the rules require them and
// the remedy clause (§4.4).
var replyDefaults = map[disclosure.NoticeKind]string{
	disclosure.NoticeReplyAlreadyPublic: toApplicant + received +
		"经审查，您申请公开的信息已经主动公开。依照{{.法律依据}}的规定，告知您获取该政府信息的方式和途径：{{if .理由}}{{.理由}}{{else}}请通过本机关门户网站政府信息公开专栏查阅。{{end}}\n" + remedy,

	disclosure.NoticeReplyGranted: toApplicant + received +
		"经审查，您申请公开的信息属于可以公开的政府信息。依照{{.法律依据}}的规定，本机关予以公开，按照您要求的形式（{{.获取方式}}）提供。{{if .理由}}{{.理由}}{{end}}\n" + remedy,

	disclosure.NoticeReplyPartial: toApplicant + received +
		"经审查，您申请公开的信息中部分内容不应公开或者不属于政府信息，但能够作区分处理。依照{{.法律依据}}的规定，本机关向您提供可以公开的部分（{{.获取方式}}）。\n" +
		"对不予公开的部分，理由和依据如下：{{.理由}}\n" + remedy,

	disclosure.NoticeReplyWithheld: toApplicant + received +
		"经审查，您申请公开的信息{{.答复情形}}。依照{{.法律依据}}的规定，本机关决定不予公开。\n" +
		"理由：{{.理由}}\n" + remedy,

	disclosure.NoticeReplyOtherProcedure: toApplicant + received +
		"经审查，{{.答复情形}}。依照{{.法律依据}}的规定，请您依照有关法律、行政法规规定的程序办理：{{.理由}}\n" + remedy,

	disclosure.NoticeReplyNotExist: toApplicant + received +
		"经检索，本机关没有您申请公开的信息。依照{{.法律依据}}的规定，告知您该政府信息不存在。{{if .理由}}检索情况：{{.理由}}{{end}}\n" + remedy,

	disclosure.NoticeReplyNotResponsible: toApplicant + received +
		"经审查，您申请公开的信息不属于本机关负责公开。依照{{.法律依据}}的规定，告知您理由及负责公开的机关：{{.理由}}\n" + remedy,

	disclosure.NoticeReplyNeedsProcessing: toApplicant + received +
		"经审查，提供您申请公开的信息需要本机关对现有政府信息进行加工、分析。依照{{.法律依据}}的规定，本机关不予提供。\n" +
		"理由：{{.理由}}\n" + remedy,

	disclosure.NoticeReplyUnclear: toApplicant + received +
		"本机关于{{.补正告知日期}}告知您补正申请。经审查，补正后申请内容仍不明确。依照{{.法律依据}}的规定，本机关不再处理该政府信息公开申请。\n" +
		"理由：{{.理由}}\n" + remedy,

	disclosure.NoticeReplyPetition: toApplicant + received +
		"经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动。依照{{.法律依据}}的规定，本机关不作为政府信息公开申请处理。{{if .理由}}{{.理由}}{{else}}您可以通过信访、投诉、举报等渠道反映相关诉求。{{end}}\n" + remedy,

	disclosure.NoticeReplyRepeat: toApplicant + received +
		"经审查，本机关已于{{.此前答复日期}}就您提出的相同政府信息公开申请（受理编号：{{.此前申请编号}}）作出答复，您重复申请公开相同的政府信息。依照{{.法律依据}}的规定，本机关不予重复处理。\n" +
		"理由：{{.理由}}\n" + remedy,

	disclosure.NoticeReplyPublication: toApplicant + received +
		"经审查，您要求提供的是政府公报、报刊、书籍等公开出版物。依照{{.法律依据}}的规定，告知您获取的途径：{{if .理由}}{{.理由}}{{else}}可以通过公开发行渠道获取。{{end}}\n" + remedy,

	disclosure.NoticeReplyExcessive: toApplicant + received +
		"经审查，您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由，您说明的理由不合理。依照{{.法律依据}}的规定，本机关不予处理。\n" +
		"理由：{{.理由}}\n" + remedy,

	disclosure.NoticeReplyConfirmation: toApplicant + received +
		"经审查，您申请的是要求本机关确认或者重新出具您已经获取的信息，{{if .法律依据}}依照{{.法律依据}}的规定，{{end}}本机关不予处理。\n" +
		"理由：{{.理由}}\n" + remedy,

	disclosure.NoticeReplyOther: toApplicant + received +
		"{{if .法律依据}}依照{{.法律依据}}的规定，{{end}}本机关对您的申请处理如下：{{.理由}}\n" + remedy,
}
